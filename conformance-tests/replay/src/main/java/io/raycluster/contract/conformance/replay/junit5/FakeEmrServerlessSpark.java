package io.raycluster.contract.conformance.replay.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a fake EMR Serverless Spark for the tests of a class: the replay server on a free loopback
 * port, answering from recordings, accepting requests signed (ACS3-HMAC-SHA256) with a throwaway
 * key pair and refusing every other, as the vendor's gateway does. It starts before the class's
 * first test and stops after its last; tests get it as a {@link FakeSpark} parameter. A
 * {@code @Nested} class uses its enclosing class's fake unless it has this annotation itself.
 *
 * <pre>{@code
 * @FakeEmrServerlessSpark(classpath = "recordings")   // src/test/resources/recordings
 * class ClusterServiceTest {
 *   @Test
 *   void readsTheCluster(FakeSpark spark) { ... spark.baseUrl() ... spark.credentials() ... }
 * }
 * }</pre>
 *
 * <p>A recording that cannot be read fails the class's tests with a message naming its file and
 * the JSON pointer of the problem. For a fake per test, or a key pair of your choosing, register
 * a {@link FakeEmrServerlessSparkExtension} field instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FakeEmrServerlessSparkExtension.class)
public @interface FakeEmrServerlessSpark {
  /**
   * Recordings on the test's classpath: folders (searched for {@code *.json} and {@code *.har} at
   * any depth) or files, by resource name ({@code "recordings"} is
   * {@code src/test/resources/recordings} in a Maven project).
   */
  String[] classpath() default {};

  /**
   * Recordings on disk: folders or files, relative to the working directory (the module's folder
   * under Maven).
   */
  String[] paths() default {};
}
