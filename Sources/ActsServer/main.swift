import Hummingbird
import HummingbirdBcrypt
import ArgumentParser
import Configuration
import Prometheus
import Mustache
print("stub")
