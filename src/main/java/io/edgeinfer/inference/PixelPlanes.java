package io.edgeinfer.inference;

/**
 * An image as float planes, one value in [0, 1] per pixel in row-major order, not premultiplied by alpha.
 *
 * <p>For a gray image {@code red}, {@code green} and {@code blue} are the same array, and {@code alpha} is null
 * when the image has no alpha channel. Because planes may be shared, callers treat the arrays as read-only.
 *
 * @param width image width in pixels
 * @param height image height in pixels
 * @param red red plane, width x height values
 * @param green green plane, width x height values
 * @param blue blue plane, width x height values
 * @param alpha alpha plane (1 is opaque), or null when every pixel is opaque
 */
record PixelPlanes(int width, int height, float[] red, float[] green, float[] blue, float[] alpha) {

    /** Creates planes for a gray image, sharing one array for red, green and blue. */
    static PixelPlanes gray(int width, int height, float[] gray, float[] alpha) {
        return new PixelPlanes(width, height, gray, gray, gray, alpha);
    }

    /** Returns whether red, green and blue are one shared array, so that every pixel is gray. */
    boolean isGray() {
        return red == green && green == blue;
    }
}
