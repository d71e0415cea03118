variable "name" {
  description = "Name prefix for the bastion resources."
  type        = string
  default     = "ca4"
}

variable "ami_id" {
  description = "AMI of the bastion."
  type        = string
  default     = null
}

variable "instance_type" {
  description = "EC2 instance type of the bastion."
  type        = string
  default     = "t3.micro"
}

variable "subnet_id" {
  description = "ID of the public subnet the bastion runs in."
  type        = string
  default     = null
}

variable "security_group_ids" {
  description = "Security groups attached to the bastion."
  type        = list(string)
  default     = []
}

variable "key_name" {
  description = "Name of the EC2 key pair allowed to log in."
  type        = string
  default     = null
}

variable "root_volume_size" {
  description = "Size of the bastion's encrypted root volume in GiB."
  type        = number
  default     = 10
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
