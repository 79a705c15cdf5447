@echo off
rem Runs the inference-config command-line tool (bedrock-binding-cli) with all arguments.
rem The jar is built by: mvnw.cmd -B -pl bedrock-binding-cli -am package -DskipTests
setlocal
set "INFERENCE_CONFIG_JAR=%~dp0bedrock-binding-cli\target\inference-config.jar"
if exist "%INFERENCE_CONFIG_JAR%" goto run
>&2 echo inference-config: "%INFERENCE_CONFIG_JAR%" not found; build it with:
>&2 echo   mvnw.cmd -B -pl bedrock-binding-cli -am package -DskipTests
exit /b 1

:run
set "INFERENCE_CONFIG_JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "INFERENCE_CONFIG_JAVA=%JAVA_HOME%\bin\java.exe"
"%INFERENCE_CONFIG_JAVA%" %INFERENCE_CONFIG_JAVA_OPTS% -jar "%INFERENCE_CONFIG_JAR%" %*
exit /b %ERRORLEVEL%
