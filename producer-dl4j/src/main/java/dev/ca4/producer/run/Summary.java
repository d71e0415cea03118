package dev.ca4.producer.run;

/**
 * The end of a run in numbers.
 *
 * @param dryRun       events were written to a file, not posted
 * @param notProcessed images never turned into an outcome because the run was aborted
 * @param embedded     images that went through the model (the rate counts these)
 */
public record Summary(boolean dryRun, int images, int accepted, int written, int rejected, int failed, int notProcessed,
                      int embedded, double seconds, double inferenceP50Ms, double inferenceP99Ms,
                      String abortReason) {

    public boolean allSent() {
        return rejected == 0 && failed == 0 && notProcessed == 0;
    }

    public double imagesPerSecond() {
        return seconds <= 0 ? 0 : embedded / seconds;
    }

    /** Two lines for people; {@code written} replaces {@code accepted} in a dry run. */
    public String render() {
        String sent = dryRun ? "written " + written : "accepted " + accepted;
        String line1 = String.format("images %d, %s, rejected %d, failed %d%s", images, sent, rejected, failed,
                notProcessed > 0 ? ", not processed " + notProcessed : "");
        String line2 = String.format("%.1f s, %.2f images/s; inference per image p50 %.0f ms, p99 %.0f ms",
                seconds, imagesPerSecond(), inferenceP50Ms, inferenceP99Ms);
        return line1 + System.lineSeparator() + line2
                + (abortReason == null ? "" : System.lineSeparator() + "aborted: " + abortReason);
    }
}
