/// The web interface and HTTP API. (Being built.)
public enum ServerModule {}
