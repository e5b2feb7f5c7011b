package io.raycluster.contract.client;

import io.raycluster.contract.client.auth.Redaction;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a call up to {@link RetryPolicy#maxAttempts()} times and logs each attempt at DEBUG
 * (method, path, status, attempt, elapsed; never headers). Installed as the outermost
 * application interceptor so that the signer, inside it, signs every attempt afresh.
 */
final class RetryInterceptor implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger(RetryInterceptor.class);
  private static final Pattern TIME_LEFT = Pattern.compile("TimeLeft\\s*:\\s*(\\d+)");
  private static final String[] RATE_LIMIT_HEADERS = {"x-ratelimit-user-api", "x-ratelimit-user"};
  private static final long PEEK_BYTES = 64 * 1024;

  private final RetryPolicy policy;
  /** Masks what the server said (an error code, a failure's text) before it is logged. */
  private final Redaction redaction;

  RetryInterceptor(RetryPolicy policy, Redaction redaction) {
    this.policy = policy;
    this.redaction = redaction;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String what = request.method() + " " + request.url().encodedPath();
    long start = System.nanoTime();
    for (int attempt = 1; ; attempt++) {
      boolean last = attempt >= policy.maxAttempts();
      Response response;
      try {
        response = chain.proceed(request);
      } catch (SigningInterceptor.SigningException e) {
        throw e;
      } catch (IOException e) {
        if (LOG.isDebugEnabled()) {
          LOG.debug("{} failed: {} (attempt {}/{}, {} ms)", what, redaction.maskText(e.toString(), "***"), attempt,
              policy.maxAttempts(), elapsedMillis(start));
        }
        if (last || chain.call().isCanceled()) {
          throw e;
        }
        sleep(chain, policy.backoff(attempt), what);
        continue;
      }
      int status = response.code();
      String code = status >= 400 && !last ? errorCode(response) : null;
      boolean throttled = status == 429
          || (code != null && VendorErrorBody.classify(code, status) == VendorErrorBody.Kind.THROTTLING);
      boolean retry = !last && (throttled || status >= 500);
      // The path as sent (the signer may have re-encoded it).
      what = request.method() + " " + response.request().url().encodedPath();
      LOG.debug("{} -> {}{} (attempt {}/{}, {} ms){}", what, status,
          code == null ? "" : " " + redaction.maskText(code, "***"), attempt,
          policy.maxAttempts(), elapsedMillis(start), retry ? ", retrying" : "");
      if (!retry) {
        return response;
      }
      Duration wait = throttled ? policy.throttleWait(attempt, timeLeftMillis(response)) : policy.backoff(attempt);
      response.close();
      sleep(chain, wait, what);
    }
  }

  private void sleep(Chain chain, Duration wait, String what) throws IOException {
    LOG.debug("{}: waiting {} ms before the next attempt", what, wait.toMillis());
    try {
      if (!wait.isZero()) {
        policy.sleeper().sleep(wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry " + what);
    }
    if (chain.call().isCanceled()) {
      // OkHttp's call timeout cancels the call; report it as the timeout it is.
      throw new InterruptedIOException("timeout");
    }
  }

  /** The largest {@code TimeLeft:<ms>} of the rate-limit headers, or -1. */
  static long timeLeftMillis(Response response) {
    long best = -1;
    for (String name : RATE_LIMIT_HEADERS) {
      for (String value : response.headers(name)) {
        Matcher m = TIME_LEFT.matcher(value);
        while (m.find()) {
          try {
            best = Math.max(best, Long.parseLong(m.group(1)));
          } catch (NumberFormatException tooLong) {
            best = Long.MAX_VALUE;
          }
        }
      }
    }
    return best;
  }

  /** The vendor error code of an error body, or {@code null}. */
  private static String errorCode(Response response) {
    try {
      return VendorErrorBody.parse(response.peekBody(PEEK_BYTES).bytes()).map(VendorErrorBody::code).orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private static long elapsedMillis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
