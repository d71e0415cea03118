package dev.ca4.search.index;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExactRefinementTest {
    private static final List<Hit> ANSWER = List.of(new Hit(0, 0.90f), new Hit(1, 0.88f), new Hit(2, 0.86f), new Hit(3, 0.84f));

    @Test
    void codesThatMissEveryHitByTheSameAmountRankThemRightAndAreNotCoarse() {
        assertFalse(ExactRefinement.coarse(ANSWER, node -> ANSWER.get(node).cosine() - 0.2));
    }

    @Test
    void codesWhoseErrorScattersByMoreThanAThirdOfTheAnswersSpreadAreCoarse() {
        // the spread is 0.06; errors of +-0.03 scatter by 0.03 (more than 0.02), errors of +-0.01 by 0.01
        assertTrue(ExactRefinement.coarse(ANSWER, node -> ANSWER.get(node).cosine() + (node % 2 == 0 ? 0.03 : -0.03)));
        assertFalse(ExactRefinement.coarse(ANSWER, node -> ANSWER.get(node).cosine() + (node % 2 == 0 ? 0.01 : -0.01)));
    }
}
