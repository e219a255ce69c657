from newsbook.cli import main

raise SystemExit(main())
