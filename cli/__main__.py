from samenwerkwijzer.cli import main

main()


__all__: list[str] = []
