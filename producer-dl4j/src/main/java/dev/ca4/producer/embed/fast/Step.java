package dev.ca4.producer.embed.fast;

import java.util.List;

/** One operation of the plan, run for a whole batch at once. */
interface Step {

    /** Tensors it reads. */
    List<Tensor> inputs();

    /** The tensor it writes. */
    Tensor output();

    /**
     * An input whose slot the output may take over when this step is that input's last reader (the step works in
     * place on it), or null.
     */
    default Tensor inPlaceOf() {
        return null;
    }

    /** Scratch floats per image it needs besides its input and output (im2col), shared by all steps. */
    default long scratchPerImage() {
        return 0;
    }

    /** @param scratch the shared scratch slot (sized for the largest step) */
    void run(int n, Slot scratch);

    /** For the profile and error messages: what kind of operation it is. */
    String kind();
}
