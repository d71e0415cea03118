package dev.ca4.chaos;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.ca4.chaos.Ledger.Answer.ACCEPTED;
import static dev.ca4.chaos.Ledger.Answer.CONNECTION_ERROR;
import static dev.ca4.chaos.Ledger.Answer.REFUSED;
import static dev.ca4.chaos.Ledger.Answer.REJECTED;
import static dev.ca4.chaos.Ledger.Answer.UNCONFIRMED;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AnswersTest {

    private static final byte[] NOT_STORED = bytes("""
            {"type": "urn:ca4:problem:kafka-unavailable", "status": 503}""");
    private static final byte[] UNCONFIRMED_503 = bytes("""
            {"type": "urn:ca4:problem:publish-unconfirmed", "status": 503}""");

    @Test
    void aWholeAnswerAppliesToEveryEvent() {
        assertEquals(List.of(ACCEPTED, ACCEPTED), Load.answers(202, new byte[0], 2));
        assertEquals(List.of(REFUSED, REFUSED), Load.answers(503, NOT_STORED, 2));
        assertEquals(List.of(REJECTED), Load.answers(400, new byte[0], 1));
    }

    @Test
    void onlyA503ThatSaysNotStoredIsARefusal() {
        assertEquals(List.of(UNCONFIRMED), Load.answers(503, UNCONFIRMED_503, 1));
        assertEquals(List.of(UNCONFIRMED), Load.answers(503, new byte[0], 1)); // unreadable: no promise made
    }

    @Test
    void aServerErrorOtherThan503MayHavePublished() {
        assertEquals(List.of(CONNECTION_ERROR), Load.answers(500, new byte[0], 1));
    }

    @Test
    void a207IsReadPerItem() {
        String body = """
                {"accepted": 1, "rejected": 0, "failed": 1, "results": [
                  {"index": 1, "status": 503, "type": "urn:ca4:problem:kafka-unavailable", "event_id": "b"},
                  {"index": 3, "status": 503, "type": "urn:ca4:problem:publish-unconfirmed", "event_id": "d"},
                  {"index": 0, "status": 202, "event_id": "a", "partition": 0, "offset": 7}]}""";
        assertEquals(List.of(ACCEPTED, REFUSED, CONNECTION_ERROR, UNCONFIRMED),
                Load.answers(207, bytes(body), 4));
    }

    @Test
    void anUnreadable207LeavesEveryItemUnknown() {
        assertEquals(List.of(CONNECTION_ERROR, CONNECTION_ERROR),
                Load.answers(207, "{oops".getBytes(StandardCharsets.UTF_8), 2));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
