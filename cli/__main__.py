from samenwerkwijzer.cli import main

main()
