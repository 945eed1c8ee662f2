package io.edgeinfer.compression.lowrank;

/** The rule that picks the rank of one layer's factorization: an energy to retain, or a fixed target. */
public sealed interface RankRule {

    /** Returns the rank this rule picks for a matrix with the given singular values, largest first. */
    int rank(float[] singularValues);

    /** The smallest rank that retains at least {@code fraction} of the squared singular values. */
    record Energy(double fraction) implements RankRule {

        @Override
        public int rank(float[] singularValues) {
            return RankSelection.forEnergy(singularValues, fraction);
        }

        @Override
        public String toString() {
            return "energy " + fraction;
        }
    }

    /** A fixed rank, at most the matrix's full rank. */
    record Fixed(int value) implements RankRule {

        public Fixed {
            if (value < 1) {
                throw new IllegalArgumentException("Rank must be at least 1; got " + value);
            }
        }

        @Override
        public int rank(float[] singularValues) {
            if (value > singularValues.length) {
                throw new IllegalArgumentException("Rank " + value + " exceeds the full rank "
                        + singularValues.length);
            }
            return value;
        }

        @Override
        public String toString() {
            return "rank " + value;
        }
    }
}
