package dev.ca4.worker.deadletter;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeadLetterPolicyTest {

    @Test
    void documentTooLargeIsADataError() {
        var reason = DeadLetterPolicy.storeError(10334, "BSONObj size is invalid").orElseThrow();
        assertEquals("store-refused", reason.code());
        assertTrue(reason.message().contains("code 10334"), reason.message());
    }

    @Test
    void failedValidationIsADataError() {
        assertTrue(DeadLetterPolicy.storeError(121, "Document failed validation").isPresent());
    }

    @Test
    void duplicateKeyOfAnotherUniqueIndexIsADataError() {
        // BulkWriter turns a duplicate _id into "already stored"; what reaches the policy is another index's
        assertTrue(DeadLetterPolicy.storeError(11000, "E11000 duplicate key error index: image_id_1").isPresent());
    }

    @Test
    void transientAndUnknownErrorsAreRetriedNotDeadLettered() {
        assertTrue(DeadLetterPolicy.storeError(91, "ShutdownInProgress").isEmpty());
        assertTrue(DeadLetterPolicy.storeError(11600, "InterruptedAtShutdown").isEmpty());
        assertTrue(DeadLetterPolicy.storeError(424242, "never seen").isEmpty());
    }
}
