print("kinerja")
