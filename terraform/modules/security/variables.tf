variable "name" {
  description = "Name prefix for the security groups."
  type        = string
  default     = "ca4"
}

variable "vpc_id" {
  description = "ID of the VPC the security groups belong to."
  type        = string
  default     = null
}

variable "vpc_cidr" {
  description = "IPv4 CIDR block of the VPC: the only source allowed to reach the K3s API, Kafka and Grafana."
  type        = string
  default     = "10.40.0.0/16"
}

variable "my_ip_cidr" {
  description = "The operator's public address as a CIDR: the only source allowed to SSH to the bastion."
  type        = string
  default     = null
}

variable "k3s_api_port" {
  description = "TCP port of the K3s API server on the server node."
  type        = number
  default     = 6443
}

variable "kafka_node_port" {
  description = "NodePort of Kafka's external listener (the target of `make tunnel-kafka`)."
  type        = number
  default     = 30092
}

variable "grafana_node_port" {
  description = "NodePort of Grafana (the target of `make tunnel-grafana`)."
  type        = number
  default     = 30300
}

variable "documentdb_port" {
  description = "TCP port of the DocumentDB cluster."
  type        = number
  default     = 27017
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
