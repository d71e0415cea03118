package dev.ca4.localstack.store;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Copies a store file written by mongo-java-server's own H2 backend (Java-serialized pages) into the BSON-typed
 * format, map by map, so that a user's local data survives the change of format. The copy is written beside the
 * target and moved into place only when complete; the legacy file is then renamed, never deleted.
 */
final class LegacyStoreMigration {
    static final String KEPT_SUFFIX = ".migrated";
    private static final Logger LOG = LoggerFactory.getLogger(LegacyStoreMigration.class);

    private LegacyStoreMigration() {
    }

    /** @return whether a legacy file was copied (only when it exists and the target does not) */
    static boolean migrate(Path legacy, Path target) {
        if (!Files.isRegularFile(legacy) || Files.exists(target)) {
            return false;
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.deleteIfExists(partial);
            long documents = copy(legacy, partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            Path kept = legacy.resolveSibling(legacy.getFileName() + KEPT_SUFFIX);
            Files.move(legacy, kept, StandardCopyOption.REPLACE_EXISTING);
            LOG.info("store file {} copied into {} ({} documents); the old file is kept as {}", legacy, target,
                    documents, kept);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not migrate the store file " + legacy, e);
        }
    }

    private static long copy(Path legacy, Path partial) {
        long documents = 0;
        MVStore from = new MVStore.Builder().fileName(legacy.toString()).readOnly().open();
        try (MVStore to = MVStore.open(partial.toString())) {
            for (String name : List.copyOf(from.getMapNames())) {
                MVMap<Object, Object> source = from.openMap(name);
                MVMap<Object, Object> copy = StoreMaps.byName(to, name);
                copy.putAll(source);
                if (name.startsWith(StoreMaps.DATA_PREFIX) && !name.contains(".system.")) { // users' documents only
                    documents += source.sizeAsLong();
                }
            }
            to.commit();
        } finally {
            from.close();
        }
        return documents;
    }
}
