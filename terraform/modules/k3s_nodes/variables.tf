variable "name" {
  description = "Name prefix for the K3s nodes."
  type        = string
  default     = "ca4"
}

variable "node_count" {
  description = "Number of K3s nodes: the first is the server, the others are agents."
  type        = number
  default     = 3
}

variable "ami_id" {
  description = "AMI of the nodes."
  type        = string
  default     = null
}

variable "instance_type" {
  description = "EC2 instance type of the nodes."
  type        = string
  default     = "t3.medium"
}

variable "subnet_ids" {
  description = "Private subnets the nodes are spread over (round robin)."
  type        = list(string)
  default     = []
}

variable "security_group_ids" {
  description = "Security groups attached to every node."
  type        = list(string)
  default     = []
}

variable "key_name" {
  description = "Name of the EC2 key pair allowed to log in."
  type        = string
  default     = null
}

variable "iam_instance_profile" {
  description = "Name of the instance profile of the nodes."
  type        = string
  default     = null
}

variable "root_volume_size" {
  description = "Size of each node's encrypted root volume in GiB (container images and Kafka data live there)."
  type        = number
  default     = 40
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
