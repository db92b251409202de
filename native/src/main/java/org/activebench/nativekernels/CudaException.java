package org.activebench.nativekernels;

/** A CUDA runtime error, with the runtime's message and the step that failed (thrown by the CUDA library). */
public final class CudaException extends RuntimeException {
    public CudaException(String message) {
        super(message);
    }
}
