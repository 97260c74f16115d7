/** What a kernel implementation supplies to the provider (not exported). */
package dev.shrink.kernels.spi;
