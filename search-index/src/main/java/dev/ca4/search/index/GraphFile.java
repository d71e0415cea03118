package dev.ca4.search.index;

import io.github.jbellis.jvector.disk.ByteBufferReader;
import io.github.jbellis.jvector.disk.RandomAccessReader;
import io.github.jbellis.jvector.graph.OnHeapGraphIndex;
import io.github.jbellis.jvector.pq.ProductQuantization;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The live index's graph and quantizer on disk, so that a restart reloads them instead of inserting every vector
 * again (docs/similarity-search.md, "The snapshot"). The PQ codes are not stored: they follow from the quantizer
 * and the vectors file, and are encoded again on load.
 * <p>
 * Layout: {@code CA4G}, format version, dimension, nodes (the graph holds ordinals 0..nodes-1), max degree and PQ
 * subspaces (a file built with other settings is not reused), then jvector's {@code ProductQuantization.write}
 * and {@code OnHeapGraphIndex.save}. Written beside the target, forced, then renamed over it: a crash leaves the
 * previous file or the new one, never half of one.
 */
final class GraphFile {
    private static final int MAGIC = 0x43413447; // "CA4G"
    /** 2: lists chosen on exact scores ({@link ExactBuildScores}); a format 1 file (chosen on PQ codes) is rebuilt. */
    private static final int FORMAT = 2;
    private static final int PQ_FORMAT = 3; // jvector's serialization version for the quantizer

    /** What a graph file says about itself, read before its contents. */
    record Header(int dimension, int nodes, int maxDegree, int pqSubspaces) {
    }

    private GraphFile() {
    }

    /** Must not run while nodes are being inserted: the graph is written as it is. */
    static void write(Path file, Header header, ProductQuantization pq, OnHeapGraphIndex graph) throws IOException {
        if (graph.size() != header.nodes()) {
            throw new IllegalStateException("the graph holds " + graph.size() + " nodes, the header says " + header.nodes());
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (FileOutputStream fos = new FileOutputStream(partial.toFile());
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(fos, 1 << 20))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(header.dimension());
            out.writeInt(header.nodes());
            out.writeInt(header.maxDegree());
            out.writeInt(header.pqSubspaces());
            pq.write(out, PQ_FORMAT);
            graph.save(out);
            out.flush();
            fos.getFD().sync();
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A graph file opened for reading: its header first, then the quantizer, then the graph (in that order). */
    static final class Reader {
        private final RandomAccessReader in;
        private final Header header;

        /** Maps the file (jvector's own mapped reader unmaps through Unsafe; this mapping goes with the GC). */
        Reader(Path file) throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                if (channel.size() > Integer.MAX_VALUE) {
                    throw new IOException(file + " is over 2 GB: one mapping cannot hold it");
                }
                this.in = new ByteBufferReader(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()));
            }
            if (in.readInt() != MAGIC) {
                throw new IOException(file + " is not a graph file");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IOException(file + " has format " + format + ", this version reads " + FORMAT);
            }
            header = new Header(in.readInt(), in.readInt(), in.readInt(), in.readInt());
        }

        Header header() {
            return header;
        }

        ProductQuantization quantizer() throws IOException {
            return ProductQuantization.load(in);
        }

        /** Where the graph starts, once the quantizer was read: for {@code GraphIndexBuilder.load}. */
        RandomAccessReader graph() {
            return in;
        }
    }
}
