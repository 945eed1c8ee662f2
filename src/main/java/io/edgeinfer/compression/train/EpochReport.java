package io.edgeinfer.compression.train;

/**
 * What one epoch of training achieved.
 *
 * @param epoch the epoch number, from 1
 * @param meanLoss mean training loss over the epoch's steps
 * @param seconds wall time of the epoch's training steps
 * @param evalAccuracy accuracy on the evaluation set after the epoch, or NaN when none was given
 */
public record EpochReport(int epoch, double meanLoss, double seconds, double evalAccuracy) {
}
