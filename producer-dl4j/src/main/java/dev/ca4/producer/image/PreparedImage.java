package dev.ca4.producer.image;

/**
 * One decoded image ready for the model.
 *
 * @param id           what the event names the image by: the path as given on the command line or in the list
 * @param sha256       of the file's bytes
 * @param width        of the original image, pixels
 * @param height       of the original image, pixels
 * @param contentType  MIME type of the decoder that read it, e.g. image/png
 * @param tensor       CHW float32 model input (see {@link ResNetPreprocessor})
 * @param preprocessMs decode + preprocess time
 */
public record PreparedImage(String id, String sha256, int width, int height, String contentType, float[] tensor,
                            double preprocessMs) {
}
