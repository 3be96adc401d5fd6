using Tss.Host;

var app = TssHostApp.Build(args);
await app.RunAsync();
