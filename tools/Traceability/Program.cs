Console.WriteLine("traceability");
