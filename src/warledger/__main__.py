from warledger.interfaces.cli.app import main

main()
