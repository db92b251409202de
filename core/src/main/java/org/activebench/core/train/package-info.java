/**
 * The training levers of the loop: weighting schemes, which give each labelled row a weight before every fit
 * (difficulty-aware training; SPI kind {@code weighting}), and augmenters, which add extra rows made from the
 * labelled ones (data augmentation; SPI kind {@code augmenter}).
 */
package org.activebench.core.train;
