# escape=`

# Generated corpus file 924: a Windows image
FROM mcr.microsoft.com/windows/servercore:ltsc2019
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
ENV APP_HOME=C:\app
WORKDIR C:\app
RUN Invoke-WebRequest -Uri https://example.com/tool.zip -OutFile tool.zip; `
    Expand-Archive tool.zip -DestinationPath C:\tools; `
    Remove-Item tool.zip -Force
COPY app\ C:\app\
USER ContainerUser
CMD ["C:\\app\\server.exe"]
