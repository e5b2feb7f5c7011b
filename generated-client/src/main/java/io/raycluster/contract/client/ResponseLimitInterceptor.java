package io.raycluster.contract.client;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Bounds every response body the client's OkHttp client hands out: reading stops with a
 * {@link ResponseTooLargeException} as soon as one byte more than the limit arrives, whatever
 * the body declares (no {@code Content-Length}, endless chunks). Installed as the innermost
 * application interceptor, so it counts decoded bytes (OkHttp's bridge has already gunzipped a
 * body it asked for compressed), and each attempt of the retry loop is bounded on its own.
 */
final class ResponseLimitInterceptor implements Interceptor {
  private final long maxBytes;

  ResponseLimitInterceptor(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    ResponseBody body = response.body();
    if (body == null || maxBytes == Long.MAX_VALUE) {
      return response;
    }
    return response.newBuilder().body(new LimitedBody(body, maxBytes)).build();
  }

  private static final class LimitedBody extends ResponseBody {
    private final ResponseBody delegate;
    private final long maxBytes;
    private BufferedSource source;

    LimitedBody(ResponseBody delegate, long maxBytes) {
      this.delegate = delegate;
      this.maxBytes = maxBytes;
    }

    @Override
    public MediaType contentType() {
      return delegate.contentType();
    }

    @Override
    public long contentLength() {
      return delegate.contentLength();
    }

    @Override
    public synchronized BufferedSource source() {
      if (source == null) {
        source = Okio.buffer(new LimitedSource(delegate.source(), maxBytes));
      }
      return source;
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  /**
   * Passes at most {@code maxBytes} through; at the limit it probes for one more byte, and only
   * when there is one (the body is larger) fails, so a body of exactly the limit reads whole.
   */
  private static final class LimitedSource extends ForwardingSource {
    private final long maxBytes;
    private long remaining;
    private boolean exceeded;

    LimitedSource(okio.Source delegate, long maxBytes) {
      super(delegate);
      this.maxBytes = maxBytes;
      this.remaining = maxBytes;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      if (exceeded) {
        throw new ResponseTooLargeException(maxBytes);
      }
      if (byteCount == 0) {
        return 0;
      }
      if (remaining > 0) {
        long n = super.read(sink, Math.min(byteCount, remaining));
        if (n > 0) {
          remaining -= n;
        }
        return n;
      }
      Buffer probe = new Buffer();
      if (super.read(probe, 1) == -1) {
        return -1;
      }
      probe.clear();
      exceeded = true;
      throw new ResponseTooLargeException(maxBytes);
    }
  }
}
