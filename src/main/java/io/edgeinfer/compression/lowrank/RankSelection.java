package io.edgeinfer.compression.lowrank;

/**
 * Chooses the rank of a truncated SVD, and measures what the truncation keeps.
 *
 * <p>By the Eckart-Young theorem the best rank-r approximation in the Frobenius norm keeps the r largest singular
 * values, and its error is the root of the sum of the squares of the others. The energy retained is the share of
 * the sum of squared singular values that the kept ones make up, so the relative error is
 * {@code sqrt(1 - energy)}.
 */
public final class RankSelection {

    private RankSelection() {
    }

    /**
     * Returns the smallest rank whose singular values retain at least {@code energy} of the total.
     *
     * @param singularValues largest first
     * @param energy a fraction in (0, 1]
     */
    public static int forEnergy(float[] singularValues, double energy) {
        if (!(energy > 0 && energy <= 1)) {
            throw new IllegalArgumentException("Energy to retain must be in (0, 1]; got " + energy);
        }
        double total = sumOfSquares(singularValues, singularValues.length);
        double keptEnergy = 0;
        for (int rank = 1; rank <= singularValues.length; rank++) {
            keptEnergy += (double) singularValues[rank - 1] * singularValues[rank - 1];
            // The tolerance stops float rounding from pushing an energy of 1 past the last singular value.
            if (keptEnergy >= energy * total * (1 - 1e-12)) {
                return rank;
            }
        }
        return singularValues.length;
    }

    /** Returns the share of the squared singular values that the first {@code rank} make up. */
    public static double retainedEnergy(float[] singularValues, int rank) {
        double total = sumOfSquares(singularValues, singularValues.length);
        return total == 0 ? 1 : sumOfSquares(singularValues, rank) / total;
    }

    /**
     * Returns the largest rank at which the two factors have fewer weights than the {@code rows x columns}
     * matrix, {@code rank * (rows + columns) < rows * columns}, or 0 when no rank does.
     */
    public static int breakEvenRank(long rows, long columns) {
        return (int) ((rows * columns - 1) / (rows + columns));
    }

    private static double sumOfSquares(float[] values, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += (double) values[i] * values[i];
        }
        return sum;
    }
}
