package dev.ca4.producer.image;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Reads only what the model will see: the centre square that the crop keeps, subsampled while decoding so that
 * at most about {@code 2 × target} pixels remain per side. A 30000×30000 image therefore costs a few MB, never
 * the gigabytes a full decode would.
 */
public final class ImageDecoder {

    /** @param width,height of the whole image; {@code square} is the decoded crop region */
    public record Decoded(BufferedImage square, int width, int height, String contentType) {
    }

    private ImageDecoder() {
    }

    /**
     * @param cropFraction side of the kept centre square relative to the shorter image side (224/256)
     * @param target       the model's input side
     */
    public static Decoded decodeCentre(Path file, double cropFraction, int target) throws ImageException {
        if (!Files.isRegularFile(file)) {
            throw new ImageException("not a readable file");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new ImageException("cannot open the file");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageException("not an image: no decoder recognises its content");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                int side = Math.max(1, (int) Math.round(Math.min(width, height) * cropFraction));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceRegion(new Rectangle((width - side) / 2, (height - side) / 2, side, side));
                int step = Math.max(1, side / (2 * target));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage square = reader.read(0, param);
                String[] mime = reader.getOriginatingProvider().getMIMETypes();
                return new Decoded(square, width, height, mime.length > 0 ? mime[0] : null);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // ImageIO reports truncated or exotic files (CMYK JPEG, broken PNG chunks) as either kind.
            throw new ImageException("cannot decode: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()), e);
        }
    }
}
