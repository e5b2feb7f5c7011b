package io.raycluster.contract.client.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsProvidersTest {
  private static final String SECRET = "very-secret-value";
  private static final String TOKEN = "very-secret-sts-token";

  @TempDir
  Path home;

  private final Map<String, String> vars = new HashMap<>();

  private Environment env() {
    return Environment.of(vars, home);
  }

  private Credentials resolve() {
    return CredentialsProviders.defaultChain(env()).resolveCredentials();
  }

  private CredentialsException failure() {
    CredentialsException e = assertThrows(CredentialsException.class, this::resolve);
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    return e;
  }

  private void writeCliConfig(String json) throws IOException {
    Files.createDirectories(home.resolve(".aliyun"));
    Files.writeString(home.resolve(".aliyun/config.json"), json);
  }

  private void writeIni(String ini) throws IOException {
    Files.createDirectories(home.resolve(".alibabacloud"));
    Files.writeString(home.resolve(".alibabacloud/credentials"), ini);
  }

  private static final String CLI_CONFIG = "{\"current\": \"default\", \"profiles\": ["
      + "{\"name\": \"default\", \"mode\": \"AK\", \"access_key_id\": \"LTAIcliDefault\", \"access_key_secret\": \""
      + SECRET + "\", \"region_id\": \"cn-shanghai\"},"
      + "{\"name\": \"sts\", \"mode\": \"StsToken\", \"access_key_id\": \"STS.cliTemp\", \"access_key_secret\": \""
      + SECRET + "\", \"sts_token\": \"" + TOKEN + "\"},"
      + "{\"name\": \"role\", \"mode\": \"RamRoleArn\", \"access_key_id\": \"LTAIrole\", \"access_key_secret\": \""
      + SECRET + "\", \"ram_role_arn\": \"acs:ram::1:role/x\"},"
      + "{\"name\": \"ecs\", \"mode\": \"EcsRamRole\", \"ram_role_name\": \"r\"}]}";

  @Test
  void environment_accessKeyPair_isUsed() {
    vars.put("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenv");
    vars.put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET);
    Credentials c = resolve();
    assertEquals("LTAIenv", c.accessKeyId());
    assertEquals(SECRET, c.accessKeySecret());
    assertFalse(c.isSts());
    assertEquals("environment variables", c.source());
  }

  @Test
  void environment_withSecurityToken_isSts() {
    vars.put("ALIBABA_CLOUD_ACCESS_KEY_ID", "STS.env");
    vars.put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET);
    vars.put("ALIBABA_CLOUD_SECURITY_TOKEN", TOKEN);
    assertEquals(TOKEN, resolve().securityToken());
  }

  @Test
  void environment_idWithoutSecret_failsNamingTheMissingVariable() {
    vars.put("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenv");
    assertTrue(failure().getMessage().contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET is not"));
  }

  @Test
  void environment_winsOverTheCliConfig() throws IOException {
    writeCliConfig(CLI_CONFIG);
    vars.put("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenv");
    vars.put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET);
    assertEquals("LTAIenv", resolve().accessKeyId());
  }

  @Test
  void namedProfile_isUsedEvenWhenTheEnvironmentHasAKeyPair() throws IOException {
    writeCliConfig(CLI_CONFIG);
    vars.put("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenv");
    vars.put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET);
    vars.put("ALIBABA_CLOUD_PROFILE", "sts");
    Credentials c = CredentialsProviders.namedProfile(Environment.of(vars, home)).resolveCredentials();
    assertEquals("STS.cliTemp", c.accessKeyId());
  }

  @Test
  void oidcVariables_failNamingTheModeAndWhatToDo() {
    vars.put("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::1:role/x");
    vars.put("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "acs:ram::1:oidc-provider/y");
    vars.put("ALIBABA_CLOUD_OIDC_TOKEN_FILE", "/var/run/token");
    String m = failure().getMessage();
    assertTrue(m.contains("OIDC") && m.contains("AssumeRoleWithOIDC") && m.contains("ALIBABA_CLOUD_ACCESS_KEY_ID"), m);
  }

  @Test
  void cliConfig_currentProfileInAkMode_isUsed() throws IOException {
    writeCliConfig(CLI_CONFIG);
    Credentials c = resolve();
    assertEquals("LTAIcliDefault", c.accessKeyId());
    assertTrue(c.source().contains("config.json profile \"default\""), c.source());
  }

  @Test
  void cliConfig_profileFromEnvironment_inStsTokenMode_isUsed() throws IOException {
    writeCliConfig(CLI_CONFIG);
    vars.put("ALIBABA_CLOUD_PROFILE", "sts");
    Credentials c = resolve();
    assertEquals("STS.cliTemp", c.accessKeyId());
    assertEquals(TOKEN, c.securityToken());
  }

  @Test
  void cliConfig_ramRoleArnMode_failsNamingTheModeAndWhatToDo() throws IOException {
    writeCliConfig(CLI_CONFIG);
    vars.put("ALIBABA_CLOUD_PROFILE", "role");
    String m = failure().getMessage();
    assertTrue(m.contains("mode RamRoleArn") && m.contains("STS AssumeRole") && m.contains("Instead"), m);
  }

  @Test
  void cliConfig_ecsRamRoleMode_failsNamingTheMetadataService() throws IOException {
    writeCliConfig(CLI_CONFIG);
    vars.put("ALIBABA_CLOUD_PROFILE", "ecs");
    String m = failure().getMessage();
    assertTrue(m.contains("mode EcsRamRole") && m.contains("metadata"), m);
  }

  @Test
  void cliConfig_unknownProfile_failsListingTheProfiles() throws IOException {
    writeCliConfig(CLI_CONFIG);
    vars.put("ALIBABA_CLOUD_PROFILE", "nope");
    String m = failure().getMessage();
    assertTrue(m.contains("\"nope\"") && m.contains("[default, sts, role, ecs]"), m);
  }

  @Test
  void cliConfig_fileFromEnvironmentVariable_isRead() throws IOException {
    Path other = home.resolve("elsewhere.json");
    Files.writeString(other, CLI_CONFIG);
    vars.put("ALIBABA_CLOUD_CONFIG_FILE", other.toString());
    assertEquals("LTAIcliDefault", resolve().accessKeyId());
  }

  @Test
  void cliConfig_overrideNamingAMissingFile_fails() {
    vars.put("ALIBABA_CLOUD_CONFIG_FILE", home.resolve("missing.json").toString());
    assertTrue(failure().getMessage().contains("missing.json"));
  }

  @Test
  void cliConfig_malformedJson_failsWithPositionButNoContent() throws IOException {
    writeCliConfig("{\"profiles\": [{\"access_key_secret\": \"" + SECRET + "\" oops");
    String m = failure().getMessage();
    assertTrue(m.contains("not valid JSON (line 1"), m);
  }

  @Test
  void iniFile_defaultSection_isUsed() throws IOException {
    writeIni("# comment\n[default]\ntype = access_key\naccess_key_id = LTAIini\naccess_key_secret = " + SECRET + "\n");
    Credentials c = resolve();
    assertEquals("LTAIini", c.accessKeyId());
    assertTrue(c.source().endsWith("credentials [default]"), c.source());
  }

  @Test
  void iniFile_ecsRamRoleType_failsNamingIt() throws IOException {
    writeIni("[default]\ntype = ecs_ram_role\nrole_name = r\n");
    assertTrue(failure().getMessage().contains("type = ecs_ram_role"));
  }

  @Test
  void iniFile_fromEnvironmentVariable_withProfileSection() throws IOException {
    Path ini = home.resolve("creds.ini");
    Files.writeString(ini, "[default]\naccess_key_id = A\naccess_key_secret = B\n[dev]\naccess_key_id = LTAIdev\n"
        + "access_key_secret = " + SECRET + "\n");
    vars.put("ALIBABA_CLOUD_CREDENTIALS_FILE", ini.toString());
    vars.put("ALIBABA_CLOUD_PROFILE", "dev");
    assertEquals("LTAIdev", CredentialsProviders.iniFile(env()).resolveCredentials().accessKeyId());
  }

  @Test
  void cliConfigBeatsIniFile() throws IOException {
    writeCliConfig(CLI_CONFIG);
    writeIni("[default]\naccess_key_id = LTAIini\naccess_key_secret = x\n");
    assertEquals("LTAIcliDefault", resolve().accessKeyId());
  }

  @Test
  void nothingFound_errorListsEveryPlaceLookedAt() {
    String m = failure().getMessage();
    assertTrue(m.startsWith("No Alibaba Cloud credentials found"), m);
    assertTrue(m.contains("ALIBABA_CLOUD_ACCESS_KEY_ID"), m);
    assertTrue(m.contains("ALIBABA_CLOUD_OIDC_TOKEN_FILE"), m);
    assertTrue(m.contains(home.resolve(".aliyun/config.json").toString()), m);
    assertTrue(m.contains(home.resolve(".alibabacloud/credentials").toString()), m);
    assertTrue(m.contains("4. "), m);
  }

  @Test
  void toString_neverShowsSecretOrToken() {
    Credentials c = Credentials.sts("STS.NSomeLongTemporaryId", SECRET, TOKEN);
    String s = c.toString();
    assertFalse(s.contains(SECRET), s);
    assertFalse(s.contains(TOKEN), s);
    assertFalse(s.contains("STS.NSomeLongTemporaryId"), s);
    assertTrue(s.contains("STS.****"), s);
  }

  @Test
  void environment_toString_showsNoValues() {
    vars.put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET);
    assertFalse(env().toString().contains(SECRET));
  }

  @Test
  void regions_environmentThenProfile() throws IOException {
    assertNull(Regions.configuredRegion(env()));
    writeCliConfig(CLI_CONFIG);
    assertEquals("cn-shanghai", Regions.configuredRegion(env()));
    vars.put("ALIBABA_CLOUD_REGION_ID", "cn-beijing");
    assertEquals("cn-beijing", Regions.configuredRegion(env()));
  }
}
