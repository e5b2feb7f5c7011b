package io.raycluster.contract.client.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.credentials.Client;
import com.aliyun.credentials.models.Config;
import org.junit.jupiter.api.Test;

class VendorCredentialsAdapterTest {
  @Test
  void accessKeyConfig_isPassedThrough() {
    Client vendor = new Client(new Config().setType("access_key").setAccessKeyId("LTAIvendor")
        .setAccessKeySecret("vendor-secret"));
    Credentials c = VendorCredentialsAdapter.of(vendor).resolveCredentials();
    assertEquals("LTAIvendor", c.accessKeyId());
    assertEquals("vendor-secret", c.accessKeySecret());
    assertFalse(c.isSts());
    assertTrue(c.source().startsWith("credentials-java"), c.source());
  }

  @Test
  void stsConfig_keepsTheToken() {
    Client vendor = new Client(new Config().setType("sts").setAccessKeyId("STS.vendor")
        .setAccessKeySecret("vendor-secret").setSecurityToken("vendor-token"));
    Credentials c = VendorCredentialsAdapter.of(vendor).resolveCredentials();
    assertEquals("vendor-token", c.securityToken());
    assertFalse(c.toString().contains("vendor-token"), c.toString());
  }
}
