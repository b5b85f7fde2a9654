from teiedition.cli import main

main()
