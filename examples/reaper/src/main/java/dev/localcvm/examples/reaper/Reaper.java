package dev.localcvm.examples.reaper;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.Filter;
import com.tencentcloudapi.cvm.v20170312.models.Instance;
import com.tencentcloudapi.cvm.v20170312.models.Tag;
import com.tencentcloudapi.cvm.v20170312.models.TerminateInstancesRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Terminates the instances whose {@code ttl} tag (an ISO-8601 instant, {@code 2026-12-06T12:00:00Z}) has passed,
 * except those protected from termination, one TerminateInstances call per instance, retrying a call the
 * service refuses with {@code RequestLimitExceeded} after a growing pause.
 */
public final class Reaper {
    /** How the reaper waits between retries; a test passes one that moves a server clock instead. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    static final int MAX_ATTEMPTS = 6;
    private final CvmClient cvm;
    private final Sleeper sleeper;

    public Reaper(CvmClient cvm, Sleeper sleeper) {
        this.cvm = cvm;
        this.sleeper = sleeper;
    }

    /** What one pass did: the ids terminated, and those skipped because they are protected. */
    public record Result(List<String> terminated, List<String> protectedSkipped) {
    }

    public Result reap(Instant now) throws TencentCloudSDKException, InterruptedException {
        List<String> terminated = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Instance i : tagged()) {
            if (!expired(i, now)) {
                continue;
            }
            if (Boolean.TRUE.equals(i.getDisableApiTermination())) {
                skipped.add(i.getInstanceId());
                continue;
            }
            terminate(i.getInstanceId());
            terminated.add(i.getInstanceId());
        }
        return new Result(terminated, skipped);
    }

    private List<Instance> tagged() throws TencentCloudSDKException {
        List<Instance> all = new ArrayList<>();
        for (long offset = 0; ; offset += 100) {
            DescribeInstancesRequest req = new DescribeInstancesRequest();
            Filter f = new Filter();
            f.setName("tag-key");
            f.setValues(new String[] {"ttl"});
            req.setFilters(new Filter[] {f});
            req.setOffset(offset);
            req.setLimit(100L);
            Instance[] page = cvm.DescribeInstances(req).getInstanceSet();
            all.addAll(List.of(page));
            if (page.length < 100) {
                return all;
            }
        }
    }

    private static boolean expired(Instance i, Instant now) {
        for (Tag t : i.getTags() == null ? new Tag[0] : i.getTags()) {
            if ("ttl".equals(t.getKey())) {
                try {
                    return !Instant.parse(t.getValue()).isAfter(now);
                } catch (java.time.format.DateTimeParseException e) {
                    return false; // a ttl the reaper cannot read is left alone
                }
            }
        }
        return false;
    }

    private void terminate(String id) throws TencentCloudSDKException, InterruptedException {
        TerminateInstancesRequest req = new TerminateInstancesRequest();
        req.setInstanceIds(new String[] {id});
        Duration pause = Duration.ofSeconds(1);
        for (int attempt = 1; ; attempt++) {
            try {
                cvm.TerminateInstances(req);
                return;
            } catch (TencentCloudSDKException e) {
                if (!"RequestLimitExceeded".equals(e.getErrorCode()) || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                sleeper.sleep(pause);
                pause = pause.multipliedBy(2);
            }
        }
    }
}
