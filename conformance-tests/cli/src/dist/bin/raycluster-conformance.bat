@rem raycluster-conformance: starts the command-line tool on Java 17 or newer (Windows).
@rem Java: %JAVA_HOME%\bin\java.exe when JAVA_HOME is set, else java.exe on PATH.
@rem Options for the JVM: %JAVA_OPTS%, then %RAYCLUSTER_CONFORMANCE_OPTS%.
@rem No class-data-sharing archive here (the POSIX launcher keeps one per jar and runtime);
@rem RAYCLUSTER_CONFORMANCE_OPTS can name one: -XX:SharedArchiveFile=... -XX:+AutoCreateSharedArchive
@rem on Java 19+.
@rem Paths are only ever used inside quotes, and messages are printed outside ( ) blocks, so
@rem folders such as "C:\Program Files (x86)" work.
@echo off
setlocal

set "APP_HOME=%~dp0.."
set "JAR=%APP_HOME%\lib\raycluster-conformance.jar"
if not exist "%JAR%" goto noJar

if defined JAVA_HOME goto javaHome
set "JAVA_EXE=java.exe"
where java.exe >nul 2>nul
if errorlevel 1 goto noJavaOnPath
goto version

:javaHome
set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if not exist "%JAVA_EXE%" goto badJavaHome

:version
rem The version line reads: openjdk version "17.0.15" 2025-04-15. for /f runs the command with
rem cmd /c, which strips the first and the last quote: hence the extra ^" pair around it, escaped
rem (as are > & |) so that this line's own parsing keeps the path, "(x86)" and all, in quotes.
set "JAVA_VERSION="
set "MAJOR="
for /f "tokens=3" %%v in ('^""%JAVA_EXE%" -version 2^>^&1 ^| findstr /i /c:version^"') do if not defined JAVA_VERSION set "JAVA_VERSION=%%~v"
if not defined JAVA_VERSION goto unknownVersion
for /f "delims=.-+ tokens=1,2" %%a in ("%JAVA_VERSION%") do (
  if "%%a"=="1" (set "MAJOR=%%b") else (set "MAJOR=%%a")
)
if not defined MAJOR goto unknownVersion
if %MAJOR% LSS 17 goto tooOld

"%JAVA_EXE%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData %JAVA_OPTS% %RAYCLUSTER_CONFORMANCE_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%

:noJar
echo raycluster-conformance: missing %JAR% - unpack the whole distribution, bin and lib side by side 1>&2
exit /b 2

:noJavaOnPath
echo raycluster-conformance: no java.exe on PATH: install Java 17 or newer, or set JAVA_HOME 1>&2
exit /b 2

:badJavaHome
echo raycluster-conformance: JAVA_HOME is %JAVA_HOME%, but it has no bin\java.exe; set it to a Java 17+ installation 1>&2
exit /b 2

:unknownVersion
echo raycluster-conformance: cannot tell the version of %JAVA_EXE%; the tool needs Java 17 or newer 1>&2
exit /b 2

:tooOld
echo raycluster-conformance: %JAVA_EXE% is Java %JAVA_VERSION%; the tool needs Java 17 or newer - set JAVA_HOME 1>&2
exit /b 2
