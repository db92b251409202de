/**
 * The training levers of the loop: weighting schemes, which give each labelled row a weight before every fit
 * (difficulty-aware training), as components of the SPI kind {@code weighting}.
 */
package org.activebench.core.train;
