package io.virtmx.view.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LowPriorityThreadsTest {
  @Test
  void aRequestThreadRunsWithAHigherNiceValueThanTheProcess() throws Exception {
    AtomicReference<String> stat = new AtomicReference<>();
    Thread t =
        new LowPriorityThreads("test")
            .newThread(
                () -> {
                  try {
                    stat.set(Files.readString(Path.of("/proc/thread-self/stat")));
                  } catch (Exception e) {
                    stat.set(e.toString());
                  }
                });
    t.start();
    t.join();
    // /proc/<pid>/task/<tid>/stat: field 19 is the nice value (after the command in parentheses)
    String[] fields = stat.get().substring(stat.get().lastIndexOf(')') + 2).split(" ");
    int nice = Integer.parseInt(fields[16]);
    int processNice =
        Integer.parseInt(
            Files.readString(Path.of("/proc/self/stat"))
                .substring(Files.readString(Path.of("/proc/self/stat")).lastIndexOf(')') + 2)
                .split(" ")[16]);
    assertThat(nice).isEqualTo(Math.max(processNice, LowPriorityThreads.NICE));
  }
}
