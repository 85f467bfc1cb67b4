package app.thaw.waitlist;

/** How many cases of one service type wait, and how long so far: the median and the 90th percentile, in days. */
public record WaitSummary(ServiceType service, long waiting, double medianDays, double p90Days) {
}
