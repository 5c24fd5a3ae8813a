import LotseCLI
LotseCommand.main()
