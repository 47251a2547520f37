/**
 * What every room of Inkling shares and nothing else: atomic saves and the MNIST geometry. Uses the
 * JDK only, so the engine, the data, the ink and both front ends can all depend on it.
 */
package org.inkling.base;
