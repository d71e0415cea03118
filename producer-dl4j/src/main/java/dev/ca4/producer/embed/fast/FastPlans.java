package dev.ca4.producer.embed.fast;

import org.deeplearning4j.nn.graph.ComputationGraph;

/** Entry point of the package: compiles a graph's path to one layer into a {@link NetworkPlan}. */
public final class FastPlans {

    private FastPlans() {
    }

    /**
     * @param threads OpenBLAS threads (process-wide)
     * @throws UnsupportedGraphException when a layer on the way is one the fast engine does not run
     * @throws UnsatisfiedLinkError      when this build carries no OpenBLAS natives (the CUDA jar)
     */
    public static NetworkPlan compile(ComputationGraph graph, String layer, int inputSize, int threads)
            throws UnsupportedGraphException {
        NetworkPlan plan = new PlanBuilder(graph, layer).build(inputSize);
        Sgemm.init(threads);
        return plan;
    }
}
