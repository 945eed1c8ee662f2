package io.edgeinfer.cli.demo;

/**
 * Topic names of one demo run: frame {@code i} goes to {@code <device topic>/frames/<run>-<i>} and its reply comes
 * back under the same request id. The run id keeps replies of an earlier run apart.
 */
public final class DemoTopics {

    private final String deviceTopic;
    private final String runId;

    /** @param deviceTopic {@code <prefix>/<device>} */
    public DemoTopics(String deviceTopic, String runId) {
        this.deviceTopic = deviceTopic;
        this.runId = runId;
    }

    public String frame(int index) {
        return deviceTopic + "/frames/" + runId + "-" + index;
    }

    /** Returns the reply filters to subscribe to. */
    public String[] replyFilters() {
        return new String[] {deviceTopic + "/results/+", deviceTopic + "/errors/+"};
    }

    /** Returns the frame index a reply topic belongs to, or -1 for another run's reply. */
    public int indexOf(String replyTopic) {
        String requestId = replyTopic.substring(replyTopic.lastIndexOf('/') + 1);
        String prefix = runId + "-";
        if (!requestId.startsWith(prefix)) {
            return -1;
        }
        try {
            return Integer.parseInt(requestId.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
