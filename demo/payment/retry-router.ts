/**
 * Where a payment attempt that failed transiently goes next: the next retry topic (each with a longer
 * delay: exponential backoff), and after the last one the dead-letter topic with the origin and error.
 */
import type { DemoConfig } from "../config";
import type { ConsumedMessage } from "../messaging/consumer";
import { deadLetterHeaders, type Failure, nextRetryState, retryHeaders } from "../messaging/dead-letter";
import type { ServiceKit } from "../service-kit";
import type { Stats } from "../stats";

export type RetryRouter = (message: ConsumedMessage, error: Error) => Promise<void>;

export function createRetryRouter(kit: ServiceKit, config: DemoConfig, stats: Stats): RetryRouter {
  return async (message, error) => {
    const failure: Failure = {
      errorType: error.name,
      errorMessage: error.message,
      at: new Date(),
      // The group whose processing of the original record failed, as Spring's DLT header names it.
      consumerGroup: config.groups.payment,
    };
    const state = nextRetryState(message, failure, config.retryDelaysMs);
    const retryTopic = config.topics.paymentsRetry[state.attempts - 1];
    const record = { key: message.key ?? null, value: message.value };
    const log = { traceId: message.context.traceId, orderId: message.key, attempts: state.attempts };
    if (retryTopic) {
      await kit.publisher.forward(retryTopic, { ...record, headers: retryHeaders(message, failure, state) });
      stats.count("payment retries scheduled");
      kit.logger.debug(
        { ...log, retryTopic, dueAt: new Date(state.dueAt) },
        "payment failed, retry scheduled",
      );
    } else {
      await kit.publisher.forward(config.topics.paymentsDlq, {
        ...record,
        headers: deadLetterHeaders(message, failure, state),
      });
      stats.count("payments dead-lettered");
      kit.logger.debug(log, "payment failed after the last attempt, dead-lettered");
    }
  };
}
