package dev.ca4.localstack.store;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.Map;

/**
 * A stored document on an H2 page as BSON, written and read by mongo-java-server's own wire codec: the types a
 * document holds are exactly those the wire delivers, so the round trip is exact. H2's default (Java
 * serialization of the document's object graph) took most of the store's CPU in a drain; see
 * docs/local-store.md.
 */
final class BsonDocumentType extends BasicDataType<Document> {
    static final BsonDocumentType INSTANCE = new BsonDocumentType();
    /** A buffer per writing thread, reused: allocating and zeroing one per document showed in the profile. */
    private static final int KEPT_BUFFER_BYTES = 1 << 20;
    private static final ThreadLocal<ByteBuf> SCRATCH = ThreadLocal.withInitial(() -> Unpooled.buffer(64 * 1024));

    private BsonDocumentType() {
    }

    @Override
    public void write(WriteBuffer buff, Document document) {
        ByteBuf bson = SCRATCH.get().clear();
        BsonEncoder.encodeDocument(document, bson);
        buff.put(bson.nioBuffer());
        if (bson.capacity() > KEPT_BUFFER_BYTES) { // one large document does not pin a large buffer for good
            SCRATCH.remove();
        }
    }

    @Override
    public Document read(ByteBuffer buff) {
        int start = buff.position();
        int length = buff.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(start); // BSON's own length prefix
        ByteBuffer bson = buff.duplicate();
        bson.limit(start + length);
        buff.position(start + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    /** H2's cache and auto-commit budget work from this estimate: near the object's heap size, cheap to take. */
    @Override
    public int getMemory(Document document) {
        return (int) Math.min(Integer.MAX_VALUE, estimate(document));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    static long estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            long sum = 48;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sum += 32 + estimate(e.getKey()) + estimate(e.getValue());
            }
            return sum;
        }
        if (value instanceof Collection<?> list) {
            long sum = 40;
            for (Object element : list) {
                sum += 8 + estimate(element);
            }
            return sum;
        }
        if (value instanceof String s) {
            return 40 + s.length();
        }
        if (value instanceof byte[] bytes) {
            return 16 + bytes.length;
        }
        if (value instanceof BinData bin) {
            return 32 + bin.getData().length;
        }
        return 24;
    }
}
