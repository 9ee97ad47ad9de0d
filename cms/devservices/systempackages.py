"""Install the few Debian packages the project needs, only when they are missing.

``python -m cms.devservices.systempackages chromium gettext`` checks for each package's
program and runs ``apt-get install`` for those not found (as root, or
through sudo). It prints one line and exits 1 when it cannot install.
"""

import os
import shutil
import subprocess
import sys

# Debian package -> the program that shows it is installed.
PROGRAMS = {"chromium": "chromium", "gettext": "msgfmt"}


def missing(packages: list[str]) -> list[str]:
    return [package for package in packages if not shutil.which(PROGRAMS[package])]


def install(packages: list[str]) -> None:
    prefix = [] if os.geteuid() == 0 else ["sudo"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    print(f"Installing Debian packages: {' '.join(packages)}")
    for command in (["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", *packages]):
        result = subprocess.run(
            prefix + command, env=env, capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            last = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no output"]
            sys.exit(f"could not install {' '.join(packages)} with apt-get: {last[0]}")


def main(argv: list[str]) -> None:
    unknown = [package for package in argv if package not in PROGRAMS]
    if unknown:
        sys.exit(f"unknown package(s): {' '.join(unknown)}; known: {' '.join(PROGRAMS)}")
    needed = missing(argv)
    if needed:
        install(needed)


if __name__ == "__main__":
    main(sys.argv[1:])
