package io.phoenix.cluster.internal.placement;

import java.util.Locale;

/**
 * What a node last published about its load. Plain text in the grid ({@code agents;cpu;heap}), classloader-free.
 *
 * @param agents agents active on the node
 * @param cpu the node's recent CPU load, 0..1 (0 if unknown)
 * @param heap the used fraction of its maximum heap, 0..1
 */
public record NodeLoad(long agents, double cpu, double heap) {

    /** A node that has published nothing yet: treated as empty. */
    public static final NodeLoad UNKNOWN = new NodeLoad(0, 0, 0);

    /** Clamps the fractions into 0..1 and the count to 0 or more. */
    public NodeLoad {
        agents = Math.max(0, agents);
        cpu = clamp(cpu);
        heap = clamp(heap);
    }

    private static double clamp(double fraction) {
        return Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
    }

    /** @return the published form */
    public String encode() {
        return String.format(Locale.ROOT, "%d;%.4f;%.4f", agents, cpu, heap);
    }

    /**
     * @param text a published form
     * @return the load, or {@link #UNKNOWN} if the text is malformed (a node of another version, say)
     */
    public static NodeLoad decode(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        String[] parts = text.split(";");
        try {
            return new NodeLoad(Long.parseLong(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
        } catch (RuntimeException e) {
            return UNKNOWN;
        }
    }
}
