Console.Error.WriteLine("tss: not implemented yet");
return 2;
