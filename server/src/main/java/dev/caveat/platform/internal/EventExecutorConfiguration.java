package dev.caveat.platform.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Where asynchronous event listeners (care filing every mention, for one) run: a few threads and a
 * queue in front of them.
 *
 * <p>A few, so that a burst of mentions never takes the database connections intake needs. A queue,
 * because the publisher hands its event over after commit while still holding its connection: an
 * executor that made it wait for a free thread would let a burst of publishers hold every
 * connection while the listeners they wait on need one. Queued events are also in the publication
 * registry, so a crash loses none of them.
 */
@Configuration(proxyBeanMethods = false)
class EventExecutorConfiguration {

  @Bean(name = {"applicationTaskExecutor", "taskExecutor"})
  ThreadPoolTaskExecutor applicationTaskExecutor(@Value("${caveat.events.threads:4}") int threads) {
    if (threads < 1) {
      throw new IllegalStateException("caveat.events.threads must be at least 1, not " + threads);
    }
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setThreadNamePrefix("events-");
    executor.setCorePoolSize(threads);
    executor.setMaxPoolSize(threads);
    executor.setQueueCapacity(Integer.MAX_VALUE);
    executor.setWaitForTasksToCompleteOnShutdown(true);
    executor.setAwaitTerminationSeconds(10);
    return executor;
  }
}
