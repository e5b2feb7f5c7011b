@rem raycluster-conformance: starts the command-line tool on Java 17 or newer (Windows).
@rem Java: %JAVA_HOME%\bin\java.exe when JAVA_HOME is set, else java.exe on PATH.
@rem Options for the JVM: %JAVA_OPTS%, then %RAYCLUSTER_CONFORMANCE_OPTS%.
@rem Java 19+ keeps a class-data-sharing archive in %LOCALAPPDATA%\raycluster-conformance for a
@rem faster start; on Java 17 and 18 the tool starts without one.
@echo off
setlocal

set "APP_HOME=%~dp0.."
set "JAR=%APP_HOME%\lib\raycluster-conformance.jar"
if not exist "%JAR%" (
  echo raycluster-conformance: missing %JAR% ^(unpack the whole distribution, bin and lib side by side^) 1>&2
  exit /b 2
)

if defined JAVA_HOME (
  set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
) else (
  set "JAVA_EXE=java.exe"
)
if defined JAVA_HOME if not exist "%JAVA_EXE%" (
  echo raycluster-conformance: JAVA_HOME is %JAVA_HOME%, but it has no bin\java.exe; set it to a Java 17+ installation 1>&2
  exit /b 2
)
if not defined JAVA_HOME (
  where java.exe >nul 2>nul || (
    echo raycluster-conformance: no java.exe on PATH: install Java 17 or newer, or set JAVA_HOME 1>&2
    exit /b 2
  )
)

rem The class-file version check: Java 17 is class version 61. The jar itself refuses older
rem runtimes with UnsupportedClassVersionError; say it in words instead.
set "MAJOR="
for /f "tokens=3" %%v in ('"%JAVA_EXE%" -version 2^>^&1 ^| findstr /i "version"') do set "JAVA_VERSION=%%~v"
for /f "delims=.-+ tokens=1,2" %%a in ("%JAVA_VERSION%") do (
  if "%%a"=="1" (set "MAJOR=%%b") else (set "MAJOR=%%a")
)
if not defined MAJOR (
  echo raycluster-conformance: cannot tell the version of %JAVA_EXE%; the tool needs Java 17 or newer 1>&2
  exit /b 2
)
if %MAJOR% LSS 17 (
  echo raycluster-conformance: %JAVA_EXE% is Java %JAVA_VERSION%; the tool needs Java 17 or newer ^(set JAVA_HOME^) 1>&2
  exit /b 2
)

set "CDS_OPTS="
if %MAJOR% GEQ 19 if not "%RAYCLUSTER_CONFORMANCE_CDS%"=="off" if defined LOCALAPPDATA (
  if not exist "%LOCALAPPDATA%\raycluster-conformance" mkdir "%LOCALAPPDATA%\raycluster-conformance" >nul 2>nul
  set "CDS_OPTS=-XX:SharedArchiveFile=%LOCALAPPDATA%\raycluster-conformance\raycluster-conformance-java%MAJOR%.jsa -XX:+AutoCreateSharedArchive -Xlog:cds=off -Xlog:cds+dynamic=off"
)

"%JAVA_EXE%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -XX:-UsePerfData -XX:Tier3InvocationThreshold=20 -XX:Tier3MinInvocationThreshold=10 -XX:Tier3CompileThreshold=100 -XX:Tier3BackEdgeThreshold=1000 %CDS_OPTS% %JAVA_OPTS% %RAYCLUSTER_CONFORMANCE_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
