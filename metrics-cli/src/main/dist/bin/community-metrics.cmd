@echo off
rem community-metrics: starts the community-metrics command line (lib\community-metrics.jar) on
rem Java 17 or newer, on Windows. The same JVM options as bin/community-metrics, the POSIX
rem launcher, which says why (docs/performance.md, "Launcher and JVM flags"): JAVA_HOME or java on
rem the PATH; the defaults, then %JAVA_OPTS%, then %COMMUNITY_METRICS_OPTS%; the arguments and
rem the exit status pass through. Unlike the POSIX launcher it does not follow links to itself
rem and leaves an old Java's refusal to java.
setlocal
set "APP_HOME=%~dp0.."
set "JAR=%APP_HOME%\lib\community-metrics.jar"
rem In the build tree this script is metrics-cli\target\bin\, beside target\community-metrics.jar.
if not exist "%JAR%" set "JAR=%APP_HOME%\community-metrics.jar"
if not exist "%JAR%" goto noJar

set "JAVA_EXE=java.exe"
if not defined JAVA_HOME goto run
set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if not exist "%JAVA_EXE%" goto badJavaHome

:run
rem No default collector when the options choose one: two collectors are an error to java.
rem The collector, as in bin/community-metrics, which says why: the parallel one with a young
rem generation of at most 256 MiB on two processors or more; the serial one with its heap sizing
rem on one processor and for truck-factor.
set "GC=-XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:MaxNewSize=128m"
if not "%NUMBER_OF_PROCESSORS%"=="1" if defined NUMBER_OF_PROCESSORS set "GC=-XX:+UseParallelGC -XX:MaxNewSize=256m"
for %%A in (%*) do if "%%~A"=="truck-factor" set "GC=-XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:MaxNewSize=128m"
echo.%JDK_JAVA_OPTIONS% %JAVA_TOOL_OPTIONS% %JAVA_OPTS% %COMMUNITY_METRICS_OPTS% | findstr /r /c:"-XX:+Use[A-Za-z0-9]*GC" >nul && set "GC="
"%JAVA_EXE%" %GC% -Xms32m -XX:MaxRAMPercentage=75 -Xlog:disable -Xlog:all=warning:stderr -Djava.awt.headless=true %JAVA_OPTS% %COMMUNITY_METRICS_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%

:noJar
echo community-metrics: cannot find "%APP_HOME%\lib\community-metrics.jar" 1>&2
exit /b 1

:badJavaHome
echo community-metrics: JAVA_HOME is "%JAVA_HOME%", but "%JAVA_EXE%" does not exist. Set JAVA_HOME to a Java 17 or newer installation, or unset it to use java from the PATH. 1>&2
exit /b 1
