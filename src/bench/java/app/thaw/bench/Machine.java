package app.thaw.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** What a figure was measured on: cores, RAM, JDK, PostgreSQL and how busy the machine was. */
public final class Machine {

    private Machine() {
    }

    public static String describe(String postgresVersion) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return String.format(Locale.ROOT, "%d cores, %.0f GiB RAM, %s %s (%s), PostgreSQL %s, %s, load average %.2f",
                Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize() / (1024.0 * 1024 * 1024),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vendor"), postgresVersion, System.getProperty("os.name") + " "
                        + System.getProperty("os.arch"), os.getSystemLoadAverage());
    }

    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
